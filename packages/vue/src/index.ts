export type { ClientMethods } from '@sesame/core';
export type { AuthState } from './authState.js';
export { type AppState, AUTH_KEY, type Auth, type CreateAuthOptions, createAuth } from './createAuth.js';
export { createAuthGuard } from './createAuthGuard.js';
export { type UseAuthResult, useAuth } from './useAuth.js';
