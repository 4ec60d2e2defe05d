import { inBrowser } from '../util/inBrowser.js';

/** What one tab tells the others. Never a token: receivers re-read the shared store. */
export type SyncMessage = { readonly type: 'update' } | { readonly type: 'logout' };

export type BroadcastSync = ReturnType<typeof createBroadcastSync>;

/**
 * Tells the other tabs of this client (`sesame:{clientId}` BroadcastChannel) that the session
 * changed. The listening side is open while someone holds it (`hold()` returns the release):
 * the auth-state store while it has subscribers, the token store's memory cache while it holds
 * anything. Posting works either way. Without BroadcastChannel it does nothing, and so on a
 * server: Node's channel would keep the process alive and join unrelated requests' clients.
 */
export function createBroadcastSync(clientId: string, onMessage: (message: SyncMessage) => void) {
  const name = `sesame:${clientId}`;
  const supported = typeof BroadcastChannel === 'function' && inBrowser();
  let channel: BroadcastChannel | undefined;
  let holders = 0;
  return {
    /** Opens the listening side (once for every holder); call the returned function to let go. */
    hold(): () => void {
      holders++;
      if (supported && !channel) {
        channel = new BroadcastChannel(name);
        channel.onmessage = ({ data }: MessageEvent<unknown>) => {
          const type =
            typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
          if (type === 'update' || type === 'logout') onMessage({ type });
        };
      }
      // Each holder releases once: the stores pair every onFirst with one onLast.
      return () => {
        if (--holders > 0) return;
        channel?.close();
        channel = undefined;
      };
    },
    post(message: SyncMessage) {
      if (!supported) return;
      if (channel) return channel.postMessage(message);
      const once = new BroadcastChannel(name);
      once.postMessage(message);
      once.close();
    },
  };
}
