import { deleteCompany, listCompanies } from '../../api/customers.ts';
import type { Company } from '../../api/types.ts';
import { formatMoney } from '../../lib/format.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { editAndDeleteActions, RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { useCollectionSearch } from '../admin-layout/use-collection-search.tsx';
import { CompanyFormDialog } from './CompanyFormDialog.tsx';

export function CompaniesAdminPage() {
  const toast = useToast();
  const search = useCollectionSearch({
    label: 'Search companies',
    placeholder: 'Search by name or domain…',
    empty: { title: 'No companies yet', description: 'Add the companies your customers work for.' },
    noMatch: { title: 'No companies match', description: 'Try another name or domain.' },
  });
  const companies = useAdminCollection<Company>((signal) => listCompanies(search.query || undefined, signal), (company) => deleteCompany(company.id), {
    deps: [search.query],
  });

  const onSaved = (saved: Company) => {
    companies.closeForm();
    toast.show({ tone: 'success', message: `${saved.name} saved` });
    // The list is sorted by name and filtered by the search, so read it again.
    companies.reload();
  };

  const remove = async () => {
    const removed = await companies.confirmDelete();
    if (removed) toast.show({ message: `${removed.name} deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Companies"
        description="Group customers by company to weigh feedback by revenue and segment."
        actions={
          <Button variant="primary" onClick={() => companies.openForm(null)}>
            <PlusIcon size={16} /> New company
          </Button>
        }
      />
      <CollectionTable
        state={companies}
        count={companies.items.length}
        toolbar={search.toolbar}
        empty={search.empty}
        columns={[{ label: 'Company' }, { label: 'Segment' }, { label: 'MRR', className: 'numeric' }, { label: 'People', className: 'numeric' }]}
      >
        {companies.items.map((company) => (
          <tr key={company.id}>
            <td>
              <span className="table__primary">{company.name}</span>
              {company.domain ? <div className="subtle">{company.domain}</div> : null}
            </td>
            <td className="muted">{company.segment ?? '—'}</td>
            <td className="numeric" data-label="MRR">{formatMoney(company.monthlyRevenue)}</td>
            <td className="numeric" data-label="People">{company.peopleCount}</td>
            <RowActions subject={company.name} actions={editAndDeleteActions(companies, company)} />
          </tr>
        ))}
      </CollectionTable>
      <CompanyFormDialog company={companies.editing} isOpen={companies.isFormOpen} onClose={companies.closeForm} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={companies.deleting !== null}
        title={`Delete ${companies.deleting?.name ?? ''}?`}
        message="People in this company keep their votes but are no longer linked to it."
        confirmLabel="Delete company"
        onConfirm={remove}
        onClose={companies.cancelDelete}
      />
    </>
  );
}
