/** The engine's RFM segments (recency, frequency, money), from the best customers to the lost. */
export const RFM_SEGMENTS = ['champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'needs_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating', 'lost'] as const;
