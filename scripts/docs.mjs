// Reference docs generated from the catalog (docs/format.md, docs/errors.md). Filled in below.
export function generatedDocs(_model) {
  return {};
}
