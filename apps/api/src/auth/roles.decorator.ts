import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Role } from '@portfolio/application';
import { Problems } from '../http/problems';

/** Metadata key of @Roles(). */
export const ALLOWED_ROLES = 'portfolio:auth:roles';

/** The OpenAPI extension naming the roles that may call an operation (openapi.ts repeats them in its description). */
export const ROLES_EXTENSION = 'x-roles';

/**
 * The roles that may call a route (on a handler) or every route of a controller (on the class); a handler's own
 * @Roles or @Public wins over its controller's. A route with neither is refused to everybody: deny by default, so
 * that a forgotten decorator closes a route instead of opening it (see AuthGuard). The OpenAPI document says the
 * same from here: the roles, the bearer token they need, and the refusals of a caller without one of them.
 */
export const Roles = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth('bearer'),
    ApiExtension(ROLES_EXTENSION, roles),
    Problems(401, [403, `role not allowed: only ${roles.join(', ')}`], 429),
  );
