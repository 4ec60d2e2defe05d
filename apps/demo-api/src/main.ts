// `pnpm --filter @sesame/demo-api start`: the demo API on its own, for the tenant at
// SESAME_DOMAIN (default http://127.0.0.1:4000), on PORT (default 4001).
import { startDemoApi } from './startDemoApi.js';

const tenantUrl = process.env.SESAME_DOMAIN ?? 'http://127.0.0.1:4000';
const api = await startDemoApi({ tenantUrl, port: Number(process.env.PORT ?? 4001) });
console.log(`Demo API: ${api.url}/api/messages (accepts access tokens of ${tenantUrl})`);
process.once('SIGINT', () => void api.stop());
process.once('SIGTERM', () => void api.stop());
