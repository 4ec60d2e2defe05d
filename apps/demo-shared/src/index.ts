export { type ApiAnswer, ApiError, fetchMessages, type Message } from './api';
export { auth, connection, deviceAuth } from './client';
export { apiUrl, outboxUrl, sesameOptions } from './config';
export { describeError, type ErrorMessage } from './describeError';
export { dpopOn, switchDpop } from './dpop';
export { inThisTab, watchOtherTabs } from './otherTabs';
export { type SecondFactor, startSecondFactor } from './secondFactor';
export { describeAccessToken, initials, type TokenInfo } from './tokens';
export { tour } from './tour';
