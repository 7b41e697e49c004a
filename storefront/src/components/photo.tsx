import { getImageProps, type ImageProps } from "next/image"
import { preload as preloadResource } from "react-dom"
import { trimSrcSet } from "@/lib/srcset"

type Props = Omit<ImageProps, "priority" | "preload" | "onLoad" | "onError" | "placeholder"> & { priority?: boolean }

/**
 * A photo through Next's image optimiser (resized, AVIF/WebP, srcset), rendered as a plain <img> on the server:
 * next/image's <Image> is a client component, shipped to every catalogue page only to watch its load event.
 * A priority photo (the page's largest) is preloaded from <head> and fetched first, as <Image priority> would.
 */
export function Photo({ priority = false, ...props }: Props) {
  const img = trimSrcSet(getImageProps({ ...props, preload: priority, fetchPriority: priority ? "high" : undefined }).props)
  if (priority) preloadResource(img.src, { as: "image", imageSrcSet: img.srcSet, imageSizes: img.sizes, fetchPriority: "high" })
  // eslint-disable-next-line @next/next/no-img-element -- the optimiser's props, computed by getImageProps
  return <img {...img} />
}
