import { SetMetadata } from '@nestjs/common';
import type { Role } from '@portfolio/application';

/** Metadata key of @Roles(). */
export const ALLOWED_ROLES = 'portfolio:auth:roles';

/**
 * The roles that may call a route (on a handler) or every route of a controller (on the class); a handler's own
 * @Roles or @Public wins over its controller's. A route with neither is refused to everybody: deny by default, so
 * that a forgotten decorator closes a route instead of opening it (see AuthGuard).
 */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ALLOWED_ROLES, roles);
