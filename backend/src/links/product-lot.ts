import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import TraceabilityModule from "../modules/traceability"

// A product has many lots; a lot belongs to one product.
export default defineLink(ProductModule.linkable.product, { linkable: TraceabilityModule.linkable.lot, isList: true })
