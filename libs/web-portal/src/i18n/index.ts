export * from './portal-languages';
