/** Debian's Chromium, or the one `ZHIZHI_CHROMIUM` names. */
export declare const chromiumPath: string;
/** The flags every launch uses (see TOOLCHAIN.md "Real Chromium from tests"). */
export declare const chromiumArgs: string[];
