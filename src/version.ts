/** The Chartroom version reported by `/info` and `chartroom --version`. */
export const CHARTROOM_VERSION = '0.1.0';
