// A static, offline single-page shell: every route is prerendered empty and rendered in the
// browser, which is also what makes the module-level singletons in src/lib safe.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
