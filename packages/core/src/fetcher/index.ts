/**
 * `@sesame/core/fetcher`: an API `fetch` that adds the session's token (Bearer or DPoP).
 * A subpath of its own, so apps that do not call APIs through it do not carry its code.
 *
 * @packageDocumentation
 */
export { AuthError } from '../errors/AuthError.js';
export { StepUpError } from '../errors/StepUpError.js';
export { type AuthFetch, createFetcher, type FetcherOptions } from './createFetcher.js';
