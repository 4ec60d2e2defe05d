export { type DemoApiOptions, type RunningDemoApi, startDemoApi } from './startDemoApi.js';
