// The list reader: parser, spreadsheet helpers and synthetic lists. The OCOP rules it applies are @ocop/domain's.
export * from "./text/spreadsheet-cell"
export * from "./certification-list"
export * from "./synthetic/synthetic-list"
