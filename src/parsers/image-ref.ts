// Container image references (`ghcr.io:443/acme/web:1.2@sha256:...`), parsed in one place for every
// rule and parser that reads them: Dockerfile FROM, compose and Kubernetes images, runtime versions,
// backing-service products, admin jobs, own-image checks.

export interface ImageRef {
  /** Registry and repository path without tag or digest: `ghcr.io:443/acme/web`. */
  name: string
  /** The tag, when one is written (`latest` is a tag like any other). */
  tag?: string
  /** The digest after `@`, e.g. `sha256:ab...`. */
  digest?: string
}

/** Splits an image reference into name, tag and digest (a registry port is not a tag). */
export function parseImageRef(ref: string): ImageRef {
  const [beforeDigest, digest] = ref.split('@', 2)
  const lastSlash = beforeDigest.lastIndexOf('/')
  const colon = beforeDigest.lastIndexOf(':')
  const hasTag = colon > lastSlash
  return {
    name: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
    ...(hasTag ? { tag: beforeDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {})
  }
}

/** The last path segment of an image name: `node` for `docker.io/library/node`, `web` for `ghcr.io/acme/web`. */
export function imageBaseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1)
}
