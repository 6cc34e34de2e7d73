import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** Metadata key of @Public(). */
export const IS_PUBLIC = 'portfolio:auth:public';

/**
 * Opens a route, or every route of a controller, to unauthenticated callers (health, metrics, docs).
 * Credentials sent to a public route are not even looked at; the OpenAPI document says so (an empty requirement).
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
