import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, test } from 'vitest';

test('this project really runs the binding on React 18', () => {
  expect(version).toMatch(/^18\./);
  expect(domVersion).toMatch(/^18\./);
});
