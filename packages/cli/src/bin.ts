import { coreMarker } from "@olumi/isl-core"; console.log("cli sees", coreMarker);
