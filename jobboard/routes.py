"""Every controller of the board, by domain."""

from jobboard.accounts.controllers import AccountController
from jobboard.accounts.recovery_controllers import RecoveryController
from jobboard.accounts.settings_controllers import AccountSettingsController
from jobboard.applications.controllers import EmployerApplicationController, SeekerApplicationController
from jobboard.audit.controllers import StaffAuditController
from jobboard.companies.booth_controllers import BoothController
from jobboard.companies.controllers import EmployerHomeController, PublicCompanyController
from jobboard.companies.review_controllers import CompanyReviewController
from jobboard.exports.controllers import ExportController
from jobboard.imports.controllers import ImportController
from jobboard.jobs.controllers import EmployerJobController, PublicJobController
from jobboard.jobs.discovery import DiscoveryController
from jobboard.jobs.moderation_controllers import JobModerationController
from jobboard.mail.controllers import StaffMailController
from jobboard.notifications.controllers import InboxController, MailStopController
from jobboard.search.controllers import JobApiController, SearchPageController
from jobboard.staff.controllers import StaffController
from jobboard.teams.controllers import EmployerTeamController, InvitationController, StaffTeamController

ROUTE_HANDLERS = [
    SearchPageController,
    JobApiController,
    PublicJobController,
    PublicCompanyController,
    AccountController,
    RecoveryController,
    AccountSettingsController,
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
    EmployerTeamController,
    StaffTeamController,
    InvitationController,
    StaffMailController,
    InboxController,
    MailStopController,
]
