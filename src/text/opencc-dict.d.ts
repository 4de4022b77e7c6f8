/** opencc-js ships its dictionaries as modules of one string each ("key value|key value…"). */
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
