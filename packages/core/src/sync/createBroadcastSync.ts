/** What one tab tells the others. Never a token: receivers re-read the shared store. */
export type SyncMessage = { readonly type: 'update' } | { readonly type: 'logout' };

export type BroadcastSync = ReturnType<typeof createBroadcastSync>;

/**
 * Tells the other tabs of this client (`sesame:{clientId}` BroadcastChannel) that the session
 * changed. `start()`/`stop()` open and close the listening side; posting works either way.
 * Without BroadcastChannel it does nothing.
 */
export function createBroadcastSync(clientId: string, onMessage: (message: SyncMessage) => void) {
  const name = `sesame:${clientId}`;
  const supported = typeof BroadcastChannel === 'function';
  let channel: BroadcastChannel | undefined;
  return {
    start() {
      if (!supported || channel) return;
      channel = new BroadcastChannel(name);
      channel.onmessage = ({ data }: MessageEvent<unknown>) => {
        const type =
          typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
        if (type === 'update' || type === 'logout') onMessage({ type });
      };
    },
    stop() {
      channel?.close();
      channel = undefined;
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
