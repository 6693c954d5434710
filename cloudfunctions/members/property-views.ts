import type { PropertyView } from '@shared/contracts/company.contract';
import type { PropertyDoc } from '@shared/model/property.model';

export const toPropertyView = (p: PropertyDoc): PropertyView => ({ propertyId: p._id, name: p.name, address: p.address, deskPhone: p.deskPhone, status: p.status });
