export * from './errors.ts';
export * from './reference.ts';
export * from './auth.ts';
export * from './http.ts';
export * from './manifest.ts';
export * from './client.ts';
export * from './tag-history.ts';
