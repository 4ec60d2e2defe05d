export { type ApiAnswer, ApiError, fetchMessages, type Message } from './api';
export { apiUrl, sesameOptions } from './config';
export { describeError, type ErrorMessage } from './describeError';
export { inThisTab, watchOtherTabs } from './otherTabs';
export { describeAccessToken, initials, type TokenInfo } from './tokens';
