"""Every controller of the board, by domain."""

from jobboard.accounts.controllers import AccountController
from jobboard.applications.controllers import EmployerApplicationController, SeekerApplicationController
from jobboard.companies.controllers import EmployerHomeController, PublicCompanyController
from jobboard.companies.review_controllers import CompanyReviewController
from jobboard.exports.controllers import ExportController
from jobboard.imports.controllers import ImportController
from jobboard.jobs.controllers import EmployerJobController, PublicJobController
from jobboard.jobs.moderation_controllers import JobModerationController
from jobboard.search.controllers import JobApiController, SearchPageController
from jobboard.staff.audit_controllers import StaffAuditController
from jobboard.staff.booth_controllers import BoothController
from jobboard.staff.controllers import StaffController
from jobboard.web.discovery import DiscoveryController

ROUTE_HANDLERS = [
    SearchPageController,
    JobApiController,
    PublicJobController,
    PublicCompanyController,
    AccountController,
    SeekerApplicationController,
    EmployerHomeController,
    EmployerJobController,
    EmployerApplicationController,
    StaffController,
    CompanyReviewController,
    JobModerationController,
    StaffAuditController,
    ImportController,
    BoothController,
    ExportController,
    DiscoveryController,
]
