// The injection token of the workspace's ProConnect sign-in (OidcSignIn, or null when it is not configured).
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');
