export * from './model.js';
export { textOnly, numberedOptions } from './degrade.js';
