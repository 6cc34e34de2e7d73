export * from './auth-failure-throttle';
export * from './auth.guard';
export * from './auth.module';
export * from './credential-verifier';
export * from './current-principal.decorator';
export * from './principal-of';
export * from './public.decorator';
export * from './roles.decorator';
