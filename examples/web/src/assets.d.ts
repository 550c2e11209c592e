// esbuild's file loader turns these imports into URLs.
declare module "*.wasm" {
  const url: string;
  export default url;
}
declare module "zhengce/catalogue.json" {
  const url: string;
  export default url;
}
declare module "zhengce/data.json" {
  const url: string;
  export default url;
}
