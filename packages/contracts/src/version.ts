/** The ISL engine version reported in `_metadata.isl_version`, `/health` and OpenAPI. */
export const ISL_VERSION = "0.1.0";
