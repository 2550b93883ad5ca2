// ajv-cli plugin (`-c ./bench/ajv-uint32.js`): registers the non-standard "uint32" format that
// schemars writes into schemas/application.schema.json, so ajv's strict mode does not reject it.
"use strict";
module.exports = function addUint32(ajv) {
  ajv.addFormat("uint32", {
    type: "number",
    validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295,
  });
  return ajv;
};
