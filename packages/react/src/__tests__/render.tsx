import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders `ui` into a detached element inside `act`, and lets pending promises settle. */
export async function render(ui: ReactNode) {
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(ui));
  return {
    container,
    rerender: (next: ReactNode) => act(async () => root.render(next)),
    unmount: () => act(async () => root.unmount()),
  };
}

/** Runs `fn` inside `act` and waits for the promises it starts. */
export function update(fn: () => unknown): Promise<void> {
  return act(async () => {
    await fn();
  });
}
