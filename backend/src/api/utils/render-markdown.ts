import MarkdownIt from "markdown-it"
import sanitizeHtml from "sanitize-html"

// Raw HTML in a producer's story is escaped by markdown-it, and the output still passes an allowlist:
// the story is user text and ends up in buyers' browsers.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true })

const ALLOWED = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "code", "hr"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener", target: "_blank" }) },
}

export function renderMarkdownSafely(text: string): string {
  return sanitizeHtml(markdown.render(text), ALLOWED)
}
