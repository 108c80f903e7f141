// Node's own dynamic import. Loaded with require (see src/native-import.ts) so that no bundler or
// test runner rewrites the import() call: programs must go through Node's loader and its hooks.
"use strict";
module.exports = function nativeImport(url) {
  return import(url);
};
