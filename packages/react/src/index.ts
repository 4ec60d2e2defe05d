export type { ClientMethods } from '@sesame/core';
export { type AppState, AuthProvider, type AuthProviderProps } from './AuthProvider.js';
export { RequireAuth, type RequireAuthOptions, withAuthenticationRequired } from './RequireAuth.js';
export { type UseAuthResult, useAuth, useAuthSuspense } from './useAuth.js';
