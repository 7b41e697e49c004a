export * from "./text/fold"
export * from "./places"
export * from "./taxonomy"
export * from "./certification"
