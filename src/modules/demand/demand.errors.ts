import { AppError, forbidden, invalid } from '../../lib/errors.ts';

export const demandTeamOnly = () => forbidden('Demand data (companies, revenue) is only available to the team', 'demand_team_only');
export const demandWeightsAdminOnly = () => forbidden('Only admins can change the demand weights', 'demand_weights_admin_only');
export const allWeightsZero = () =>
  new AppError('validation', 'demand_weights_all_zero', 'At least one weight must be above 0', [{ field: 'weights', message: 'needs at least one weight above 0' }]);
export const invalidDemandCursor = () => invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
