// Vite's `?raw` imports (the seed files the contract test reads): the file's text.
declare module '*?raw' {
  const text: string;
  export default text;
}
