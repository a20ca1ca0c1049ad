export const readingSettingsScript: string;
