export * from './config/load-config';
export * from './config/portfolio-config';
export * from './event-store/event-store.module';
export * from './event-store/event-store.provider';
