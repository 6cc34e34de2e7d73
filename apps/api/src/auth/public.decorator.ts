import { SetMetadata } from '@nestjs/common';

/** Metadata key of @Public(). */
export const IS_PUBLIC = 'portfolio:auth:public';

/**
 * Opens a route, or every route of a controller, to unauthenticated callers (health, metrics, docs).
 * Credentials sent to a public route are not even looked at.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
