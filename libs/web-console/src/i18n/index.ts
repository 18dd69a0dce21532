export * from './console-languages';
