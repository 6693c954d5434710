export interface Rating {
  quality: number;
  attitude: number;
  via: 'on_site' | 'own_phone';
}

export interface Scorecard {
  ratings: number;
  /** R7: how many came from the residents' own phones. */
  ownPhoneRatings: number;
  /** The true mean over every rating (not a mean of monthly means), or null with none. */
  quality: number | null;
  attitude: number | null;
  /** Orders returned within R9's 3 days, out of those returned. */
  onTimeRate: number | null;
  returned: number;
  openLoad: number;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** R7 R9: a technician's figures from their orders' ratings (the resident's own where they replaced the on-site stars), returned orders and open orders. */
export const scorecard = (ratings: readonly Rating[], returnedOnTime: readonly boolean[], openLoad: number): Scorecard => ({
  ratings: ratings.length,
  ownPhoneRatings: ratings.filter((r) => r.via === 'own_phone').length,
  quality: mean(ratings.map((r) => r.quality)),
  attitude: mean(ratings.map((r) => r.attitude)),
  onTimeRate: mean(returnedOnTime.map((onTime) => (onTime ? 1 : 0))),
  returned: returnedOnTime.length,
  openLoad,
});
