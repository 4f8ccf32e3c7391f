'use strict';
/**
 * Builds the add-in's web part into dist-web/ (the command-line checker builds into dist/):
 *   taskpane.html  the task pane (React + Fluent UI), with office.js from Microsoft's CDN;
 *   preview.html   the same pane against an in-memory workbook, for a browser without Excel;
 *   functions.js   the custom functions (JavaScript-only runtime), one self-contained file at a fixed name,
 *                  compiled for ES2016 by a second configuration: Excel on Windows runs it in a runtime
 *                  documented to support ECMAScript 2016, so ES2017+ syntax (async, ??, ?., class fields)
 *                  must not reach it;
 *   functions.json their metadata, generated from the JSDoc by custom-functions-metadata-plugin,
 *   functions.html the functions' page (Excel on the web loads the script through it);
 *   manifest.xml   copied, its https://localhost:3000/ URLs rewritten to ADDIN_URL in production;
 *   assets/        the icons.
 *
 *   webpack --mode production                  minified, code-split, content-hashed
 *   webpack serve --mode development           https://localhost:3000 with office-addin-dev-certs
 *   webpack serve --mode development --env http   plain http (the browser preview needs no certificate)
 */
const path = require('node:path');
const { URL } = require('node:url');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_PORT = 3000;
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
const DEFAULT_PRODUCTION_URL = 'https://kpi-align.example.com/';
const OUTPUT = path.join(__dirname, 'dist-web');
/** The custom functions' entry: the manifest names its script, page and metadata at fixed URLs. */
const FUNCTIONS = 'functions';

/** Where the add-in is hosted in production: ADDIN_URL, an https URL ending in "/". */
function productionUrl(value = process.env.ADDIN_URL || DEFAULT_PRODUCTION_URL) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL "${value}" is not a URL; set it to the https address the add-in is served from.`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL "${value}" must use https: Office loads add-ins only over https.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest for a host: every https://localhost:3000 address moved to `baseUrl`, AppDomains to its origin. */
function rewriteManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV_ORIGIN}/`)
    .join(baseUrl);
}

async function devServerHttps() {
  // Required only here: a plain build never needs certificates.
  const devCerts = require('office-addin-dev-certs');
  return { type: 'https', options: await devCerts.getHttpsServerOptions() };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const plainHttp = Boolean(env.http);
  const baseUrl = production ? productionUrl() : `${DEV_ORIGIN}/`;

  const mode = production ? 'production' : 'development';
  const devtool = production ? 'source-map' : 'eval-cheap-module-source-map';
  const resolve = { extensions: ['.tsx', '.ts', '.js', '.json'] };
  /** TypeScript through ts-loader; type checking is `npm run lint`'s job, so only the output target differs. */
  const typescript = (target) => ({
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      // ES modules let webpack tree-shake Fluent and split chunks.
      options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', target, sourceMap: true } },
    },
  });
  const isFunctionsFile = (asset) => asset.startsWith(`${FUNCTIONS}.`);

  const pane = {
    name: 'pane',
    mode,
    devtool,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: OUTPUT,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      // The two configurations share dist-web/: each cleans only its own files.
      clean: { keep: isFunctionsFile },
    },
    resolve,
    module: { rules: [typescript('es2022')] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new HtmlWebpackPlugin({ filename: 'support.html', template: './src/taskpane/support.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (production ? rewriteManifest(content.toString(), baseUrl) : content) },
        ],
      }),
    ],
    // Shared code (React, Fluent, the engine) in chunks of its own, so the pages share them.
    optimization: { splitChunks: { chunks: 'all' } },
    // The budget is on gzip size of the first load (scripts/bundle-size.js), not on webpack's raw sizes.
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving && !plainHttp ? await devServerHttps() : 'http',
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      onListening(devServer) {
        const scheme = plainHttp ? 'http' : 'https';
        process.stdout.write(
          `\nKPI Align task pane: ${scheme}://localhost:${DEV_PORT}/taskpane.html\n` +
            `KPI Align browser preview: ${scheme}://localhost:${DEV_PORT}/preview.html\n\n`,
        );
        return devServer;
      },
    },
  };

  /** The custom functions: one self-contained ES2016 file at the fixed name the manifest gives, sharing no chunk with the pane. */
  const functions = {
    name: FUNCTIONS,
    mode,
    devtool,
    target: ['web', 'es2016'],
    entry: { [FUNCTIONS]: './src/functions/functions.ts' },
    output: {
      path: OUTPUT,
      filename: '[name].js',
      publicPath: '',
      clean: { keep: (asset) => !isFunctionsFile(asset) },
    },
    resolve,
    module: { rules: [typescript('es2016')] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'functions.html', template: './src/functions/functions.html', chunks: [FUNCTIONS] }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
    ],
    optimization: { splitChunks: false },
    performance: { hints: false },
  };

  return [pane, functions];
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
