/**
 * The path to request for an API path under a base URL that may carry a path of its own
 * (`https://gateway.example/vendor` + `/v1/customers` -> `/vendor/v1/customers`). `new URL(path,
 * base)` would drop the base's path; a gateway that serves the API under a prefix needs it on
 * every request, and in every signature, which covers the path actually sent.
 */
export function underBasePath(baseUrl: string, path: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return `${base}${path}`;
}

/**
 * The path to request under a target whose base URL may carry a path (a gateway's prefix), or
 * end with the spec's base path already (a vendor's own way of writing its base URL).
 */
export function targetPath(baseUrl: string, basePath: string, path: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  if (basePath !== '' && base.endsWith(basePath) && path.startsWith(basePath)) return `${base}${path.slice(basePath.length)}`;
  return `${base}${path}`;
}
