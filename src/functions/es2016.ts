/**
 * The built-ins after ECMAScript 2016 that the functions' code (and the engine it calls) uses. Excel
 * on Windows runs custom functions in the JavaScript-only runtime, documented to support ES2016; the
 * build compiles the syntax down (webpack.config.js), and these bring the library functions, from
 * core-js, only where the runtime lacks them. test/functions/es2016.test.ts runs the built file where
 * every later built-in is gone, so a new one used without its line here fails there.
 */

import 'core-js/actual/global-this';
import 'core-js/actual/object/entries';
import 'core-js/actual/object/values';
import 'core-js/actual/object/from-entries';
import 'core-js/actual/array/flat-map';
import 'core-js/actual/string/pad-start';
