/** The tenant's seeded user (`@sesame/tenant`'s default config). */
export const demoUser = { email: 'demo@sesame.test', password: 'Sesame-Demo-2026!' } as const;
