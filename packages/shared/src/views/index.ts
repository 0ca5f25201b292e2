// `@sandbox/shared/views`: markup both consoles draw alike (hono/jsx, no logic). Each server
// passes in what is its own look (its document, its button classes, its forms' hidden fields),
// so Entra keeps its Fluent classes and Control Hub its Momentum ones.
export * from './training/classroom-sections'
export * from './training/trainer-pages'
export * from './training/training-panel'
export * from './training/training-status'
