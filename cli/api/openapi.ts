// Generated from Benchtop's OpenAPI document (/api/v1/openapi.json) by openapi-typescript.
// Do not edit: run `npm run openapi:types` after changing a REST route; a test fails while this is stale.
export interface paths {
    "/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lab's agents and their GPUs, free and busy */
        get: operations["getAgents"];
        put?: never;
        /** Create an agent (lab admins and directors); the response holds its token, shown once */
        post: operations["postAgents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{name}/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drain an agent: it finishes running work and takes no more */
        post: operations["postAgentsByNameDrain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{name}/undrain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let a drained agent take work again */
        post: operations["postAgentsByNameUndrain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blobs/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The bytes of one file for a snapshot of the project (?project=SLUG; editors); refused unless they hash to sha256 */
        put: operations["putBlobsBySha256"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blobs/missing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which of these file contents (SHA-256) the project lacks; upload those with PUT /blobs/{sha256}?project=SLUG. Without a project all are missing */
        post: operations["postBlobsMissing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lab's budget (directors, admins) */
        get: operations["getBudget"];
        /** Set the lab's budget (directors, admins) */
        put: operations["putBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Spend over [from, to) grouped by project, person, pool, gpuType, day or job, with GPU-hours and a total (directors see the lab; others their own and their projects'); format=csv (or /costs.csv) gives it as CSV */
        get: operations["getCosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/costs.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The costs report (the query of GET /costs) as CSV: a header row, one row a group, and a Total row equal to the JSON's total */
        get: operations["getCostsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/costs/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The /costs page's data: daily spend stacked by project, person, pool or GPU type; budgets with forecasts; own GPUs used vs owned; the costliest jobs */
        get: operations["getCostsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What you land on: your projects, and what changed lately in them */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data stores (never their credentials; external collaborators get names and kinds only) */
        get: operations["getDataStores"];
        put?: never;
        /** Register a data store (lab admins, directors); checked before it is saved */
        post: operations["postDataStores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-stores/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a data store no dataset uses */
        delete: operations["deleteDataStoresByStoreId"];
        options?: never;
        head?: never;
        /** Change a data store (lab admins, directors) */
        patch: operations["patchDataStoresByStoreId"];
        trace?: never;
    };
    "/data-stores/{storeId}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Locations of this store shared with a project (lab admins, directors) */
        get: operations["getDataStoresByStoreIdShares"];
        put?: never;
        /** Share a bucket and prefix with a project, so its datasets may overlap another project's there (lab admins, directors; audited) */
        post: operations["postDataStoresByStoreIdShares"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-stores/{storeId}/shares/{shareId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing a location (refused while the project's datasets there need it) */
        delete: operations["deleteDataStoresByStoreIdSharesByShareId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-stores/{storeId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check that a store answers and accepts its credentials */
        post: operations["postDataStoresByStoreIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs in your projects, newest first; pass the last job's id as before for the next page */
        get: operations["getJobs"];
        put?: never;
        /** Submit a job (editors and owners of the project) */
        post: operations["postJobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job: its state and why, attempts, where it ran */
        get: operations["getJobsByJobId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a job held by its budget (owners, directors); it then runs */
        post: operations["postJobsByJobIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files the job left in BENCHTOP_OUTPUT_DIR (download each at /jobs/{jobId}/artifacts/download?path=...) */
        get: operations["getJobsByJobIdArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/artifacts/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One artifact's bytes (?path=) */
        get: operations["getJobsByJobIdArtifactsDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job in any state (its submitter, editors, owners) */
        post: operations["postJobsByJobIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Log lines from `from` on; with waitMs, waits for new lines (long poll) until the job ends */
        get: operations["getJobsByJobIdLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/logs/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole log as text, streamed */
        get: operations["getJobsByJobIdLogsDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metric points the job reported (::metric lines) */
        get: operations["getJobsByJobIdMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your kernels, with their notebooks, states and last activity */
        get: operations["getKernels"];
        put?: never;
        /** Start (or find) your kernel for a notebook (editors and owners) */
        post: operations["postKernels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/{kernelId}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run code in the kernel; its output is the notebook's (kernels.events) */
        post: operations["postKernelsByKernelIdExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/{kernelId}/input": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the kernel's input() prompt */
        post: operations["postKernelsByKernelIdInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/{kernelId}/interrupt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Interrupt what the kernel runs */
        post: operations["postKernelsByKernelIdInterrupt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/{kernelId}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restart the kernel; its variables are gone */
        post: operations["postKernelsByKernelIdRestart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/{kernelId}/shutdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shut the kernel down */
        post: operations["postKernelsByKernelIdShutdown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kernels/specs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kernels this server can start (Jupyter kernelspecs) */
        get: operations["getKernelsSpecs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token or session belongs to */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notices, newest first, and how many are unread */
        get: operations["getNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notices/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark your notices read (the given ones, or all) */
        post: operations["postNoticesRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone with an account: lab role, external or not, last sign-in, active sessions (lab admins and directors) */
        get: operations["getPeople"];
        put?: never;
        /** Invite an address to the lab; it may sign in from now on (directors invite researchers, admins any role) */
        post: operations["postPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change someone's lab role (lab admins) */
        patch: operations["patchPeopleByUserId"];
        trace?: never;
    };
    "/people/{userId}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an external collaborator a lab member */
        post: operations["postPeopleByUserIdPromote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End every session of someone: their browsers are signed out at their next request */
        delete: operations["deletePeopleByUserIdSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pools of capacity: their agents and whether their jobs reach the network */
        get: operations["getPools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pools/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set whether a pool's jobs reach the network (lab admins and directors; audited; applies to jobs that start after) */
        patch: operations["patchPoolsByName"];
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the projects you are a member of */
        get: operations["getProjects"];
        put?: never;
        /** Create a project (you become its owner) */
        post: operations["postProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: operations["getProjectsByProjectSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a project or change its description (owners) */
        patch: operations["patchProjectsByProjectSlug"];
        trace?: never;
    };
    "/projects/{projectSlug}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a project (owners) */
        post: operations["postProjectsByProjectSlugArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's budget with what it spent and has left this period (null when it has none) */
        get: operations["getProjectsByProjectSlugBudget"];
        /** Set a project's budget (owners, directors) */
        put: operations["putProjectsByProjectSlugBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's datasets */
        get: operations["getProjectsByProjectSlugDatasets"];
        put?: never;
        /** Create a dataset on a store's bucket and prefix (editors, owners) */
        post: operations["postProjectsByProjectSlugDatasets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dataset */
        get: operations["getProjectsByProjectSlugDatasetsByDataset"];
        put?: never;
        post?: never;
        /** Remove a dataset (owners; its objects stay in the store; refused once jobs used it) */
        delete: operations["deleteProjectsByProjectSlugDatasetsByDataset"];
        options?: never;
        head?: never;
        /** Rename or describe a dataset (editors, owners) */
        patch: operations["patchProjectsByProjectSlugDatasetsByDataset"];
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete objects by key, or everything under a folder (editors, owners) */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/download-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A presigned GET for one object, valid 10 minutes (a path on this server for local stores) */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetDownloadUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/folder-size": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objects and bytes under a folder, counted up to 20,000 objects (complete=false: at least) */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetFolderSize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An object's size, modified time, ETag and content type */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetObject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of a folder (store key order): sub-folders and objects; pass nextToken as token for the next */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetObjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A preview: table (CSV, TSV, Parquet), text, image URL, .npy header, or why not */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dataset's versions, newest first */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetSnapshots"];
        put?: never;
        /** Freeze the dataset's keys, sizes and ETags as a new version (editors, owners) */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetSnapshots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/snapshots/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions, or between a version and the live dataset (to=live) */
        get: operations["getProjectsByProjectSlugDatasetsByDatasetSnapshotsDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a multipart upload (editors, owners): the bytes go straight to the store */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/uploads/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an upload; its parts go */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetUploadsAbort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/uploads/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the parts into the object */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetUploadsComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/uploads/part-urls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Presigned PUT URLs for parts; the ETag response header of each PUT names the part */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetUploadsPartUrls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/datasets/{dataset}/uploads/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The parts the store holds for an upload (to resume it) */
        post: operations["postProjectsByProjectSlugDatasetsByDatasetUploadsParts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's files (no contents) and folders */
        get: operations["getProjectsByProjectSlugFiles"];
        put?: never;
        post?: never;
        /** Delete a file, or a folder with everything in it */
        delete: operations["deleteProjectsByProjectSlugFiles"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's bytes (?path=; ?inline=1 shows raster images inline), or a folder or the whole project as ?format=zip|tar */
        get: operations["getProjectsByProjectSlugFilesContent"];
        /** Upload one file's bytes (?path=): without If-Match it is created (409 if taken); If-Match: <version> replaces that version (409 when newer) */
        put: operations["putProjectsByProjectSlugFilesContent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every file of the project as a flat list (no contents) */
        get: operations["getProjectsByProjectSlugFilesEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of a file, newest first */
        get: operations["getProjectsByProjectSlugFilesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename or move a file or folder (refused when the destination exists) */
        post: operations["postProjectsByProjectSlugFilesMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save an old version's content as a new version (baseVersion: the current version) */
        post: operations["postProjectsByProjectSlugFilesRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file as text (content is null for binary files and text over 20 MB: use files/content) */
        get: operations["getProjectsByProjectSlugFilesText"];
        put?: never;
        /** Save text: baseVersion names the version you edited (null creates the file); a newer version is a 409 */
        post: operations["postProjectsByProjectSlugFilesText"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/files/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One saved version of a file, with its text */
        get: operations["getProjectsByProjectSlugFilesVersionsByVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an empty folder */
        post: operations["postProjectsByProjectSlugFolders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/jobs/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a job would cost, at most and as expected, and whether a budget would hold it; submits nothing (the body is the submit's) */
        post: operations["postProjectsByProjectSlugJobsEstimate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's members */
        get: operations["getProjectsByProjectSlugMembers"];
        put?: never;
        /** Add a member by email (owners) */
        post: operations["postProjectsByProjectSlugMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owners; anyone may remove themselves) */
        delete: operations["deleteProjectsByProjectSlugMembersByUserId"];
        options?: never;
        head?: never;
        /** Change a member's role (owners) */
        patch: operations["patchProjectsByProjectSlugMembersByUserId"];
        trace?: never;
    };
    "/projects/{projectSlug}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Freeze a set of uploaded files as a snapshot to run jobs on (editors and owners) */
        post: operations["postProjectsByProjectSlugSnapshots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectSlug}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived project (owners) */
        post: operations["postProjectsByProjectSlugUnarchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The jobs waiting and running in your projects, with their places and estimates */
        get: operations["getQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rates in force per pool and GPU type (and CPU slot), and their full history */
        get: operations["getRates"];
        put?: never;
        /** Add a rate from a date on (directors, admins); history is never rewritten */
        post: operations["postRates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lab's currency, and whether it may still change */
        get: operations["getSettingsCosts"];
        /** Set the lab's currency (directors, admins), before the ledger holds any real charge */
        put: operations["putSettingsCosts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storage/local/{store}/{bucket}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A local store's presigned GET (one Range, If-Match); the URL's signature is the authority */
        get: operations["getRootStorageLocalByStoreByBucketByKey"];
        /** A local store's presigned PUT of an object or a multipart part; the ETag response header names it */
        put: operations["putRootStorageLocalByStoreByBucketByKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your API tokens (never their secret part) */
        get: operations["getTokens"];
        put?: never;
        /** Create an API token; the response is the only time the token is shown */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["deleteTokensByTokenId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example bad_request */
                code: string;
                fields?: {
                    [key: string]: string[];
                };
                /** @example The request body is not valid: name is required. */
                message: string;
                requestId: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAgents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agents: {
                            cpuSlots: number;
                            draining: boolean;
                            gpus: {
                                busy: boolean;
                                index: number;
                                jobId: string | null;
                                memoryMb: number;
                                memoryUsedMb: number | null;
                                model: string;
                                utilization: number | null;
                            }[];
                            gpuType: string | null;
                            hostname: string;
                            isolation: {
                                jobUser: string | null;
                                sandbox: boolean | null;
                                separateUser: boolean;
                            };
                            jobNetwork: boolean;
                            lastHeartbeatAt: string | null;
                            name: string;
                            online: boolean;
                            pool: string;
                            simulated: boolean;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAgents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                    /** @default lab */
                    pool?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        token: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAgentsByNameDrain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAgentsByNameUndrain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putBlobsBySha256: {
        parameters: {
            query: {
                project: string;
            };
            header?: never;
            path: {
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postBlobsMissing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The project the snapshot is for (its slug); editors */
                    project?: string;
                    sha256s: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        missing: string[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBudget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            left: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            percent: number;
                            /** @enum {string} */
                            period: "month" | "until";
                            periodEnd: string;
                            periodStart: string;
                            /** @enum {string} */
                            policy: "warn" | "hold" | "stop";
                            project: string | null;
                            /** @enum {string} */
                            scope: "lab" | "project";
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            thresholds: number[];
                        } | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putBudget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The budget, in the lab's currency
                     * @example 400
                     */
                    amount: string;
                    /**
                     * @description At 100 %: warn only, hold new jobs, or also stop running ones
                     * @enum {string}
                     */
                    policy?: "warn" | "hold" | "stop";
                    /** @description First day (YYYY-MM-DD) of a fixed-span budget; today by default */
                    startsAt?: string | null;
                    /**
                     * @description Percentages at which owners and directors are told, once per period
                     * @example [
                     *       50,
                     *       80,
                     *       100
                     *     ]
                     */
                    thresholds?: number[];
                    /**
                     * @description Last day (YYYY-MM-DD) of a fixed-span budget; omit for a monthly budget
                     * @example 2027-06-30
                     */
                    until?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            left: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            percent: number;
                            /** @enum {string} */
                            period: "month" | "until";
                            periodEnd: string;
                            periodStart: string;
                            /** @enum {string} */
                            policy: "warn" | "hold" | "stop";
                            project: string | null;
                            /** @enum {string} */
                            scope: "lab" | "project";
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            thresholds: number[];
                        } | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCosts: {
        parameters: {
            query?: {
                /** @description csv: the same report as text/csv, as GET /costs.csv answers it */
                format?: "json" | "csv";
                /** @description Start (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of this UTC month by default */
                from?: string;
                /** @description How to group the spend (default project) */
                groupBy?: "project" | "person" | "pool" | "gpuType" | "day" | "job";
                /** @description Only this person's spend (email) */
                person?: string;
                /** @description Only this pool's spend (name) */
                pool?: string;
                /** @description Only this project's spend (slug) */
                project?: string;
                /** @description End, exclusive (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of the next month by default */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        /** @enum {string} */
                        groupBy: "project" | "person" | "pool" | "gpuType" | "day" | "job";
                        groups: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            /** @description GPU-hours (CPU slots count none), to 0.01 h */
                            gpuHours: number;
                            /** @description The group's page in the app, where it has one */
                            href: string | null;
                            /** @description The id (project, person, pool, job), GPU type ("" for a CPU slot) or day (YYYY-MM-DD) */
                            key: string;
                            label: string;
                            /** @description Some of it is the demo's seeded history */
                            seeded: boolean;
                        }[];
                        includesSeeded: boolean;
                        /** @description Groups left out past the first 1000 (by job); the total counts them */
                        omitted: number;
                        /**
                         * @description lab: everything (directors, admins); own: your own spend and your projects'
                         * @enum {string}
                         */
                        scope: "lab" | "own";
                        to: string;
                        total: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            gpuHours: number;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCostsCsv: {
        parameters: {
            query?: {
                /** @description Start (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of this UTC month by default */
                from?: string;
                /** @description How to group the spend (default project) */
                groupBy?: "project" | "person" | "pool" | "gpuType" | "day" | "job";
                /** @description Only this person's spend (email) */
                person?: string;
                /** @description Only this pool's spend (name) */
                pool?: string;
                /** @description Only this project's spend (slug) */
                project?: string;
                /** @description End, exclusive (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of the next month by default */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCostsDashboard: {
        parameters: {
            query?: {
                /** @description What the daily bars are stacked by (default project) */
                by?: "project" | "person" | "pool" | "gpuType";
                /** @description Start (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of this UTC month by default */
                from?: string;
                /** @description Only this project's spend (slug) */
                project?: string;
                /** @description End, exclusive (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of the next month by default */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budgets: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            burn: {
                                actual: string | null;
                                day: string;
                                forecast: string | null;
                            }[];
                            /** @description Spent plus the last 7 days' daily average for each day left */
                            forecast: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            forecastPercent: number;
                            percent: number;
                            periodEnd: string;
                            periodStart: string;
                            project: string | null;
                            /** @enum {string} */
                            scope: "lab" | "project";
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                        }[];
                        /** @enum {string} */
                        by: "project" | "person" | "pool" | "gpuType";
                        currency: string;
                        from: string;
                        groups: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            /** @description GPU-hours (CPU slots count none), to 0.01 h */
                            gpuHours: number;
                            /** @description The group's page in the app, where it has one */
                            href: string | null;
                            /** @description The id (project, person, pool, job), GPU type ("" for a CPU slot) or day (YYYY-MM-DD) */
                            key: string;
                            label: string;
                            /** @description Some of it is the demo's seeded history */
                            seeded: boolean;
                        }[];
                        includesSeeded: boolean;
                        /** @description This UTC month: spent, forecast to its end, the budget that covers it */
                        month: {
                            budget: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            } | null;
                            burn: {
                                actual: string | null;
                                day: string;
                                forecast: string | null;
                            }[];
                            /** @description Spent plus the last 7 days' daily average for each day left */
                            forecast: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            forecastPercent: number;
                            percent: number;
                            periodEnd: string;
                            periodStart: string;
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                        };
                        /** @description The lab's own GPUs used vs owned per pool (directors, admins; null for others) */
                        pools: {
                            gpus: number;
                            idleShare: number;
                            ownedGpuHours: number;
                            pool: string;
                            usedGpuHours: number;
                        }[] | null;
                        series: {
                            days: {
                                day: string;
                                values: {
                                    [key: string]: string;
                                };
                            }[];
                            keys: {
                                key: string;
                                label: string;
                            }[];
                        };
                        to: string;
                        topJobs: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            /** @description GPU-hours (CPU slots count none), to 0.01 h */
                            gpuHours: number;
                            /** @description The group's page in the app, where it has one */
                            href: string | null;
                            /** @description The id (project, person, pool, job), GPU type ("" for a CPU slot) or day (YYYY-MM-DD) */
                            key: string;
                            label: string;
                            /** @description Some of it is the demo's seeded history */
                            seeded: boolean;
                        }[];
                        total: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            gpuHours: number;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activity: {
                            action: string;
                            actor: {
                                email: string;
                                name: string | null;
                            } | null;
                            createdAt: string;
                            data: unknown;
                            id: string;
                            project: {
                                name: string;
                                slug: string;
                            } | null;
                            target: string;
                        }[];
                        projects: {
                            archived: boolean;
                            createdAt: string;
                            description: string;
                            id: string;
                            memberCount: number;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "editor" | "viewer";
                            slug: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stores: ({
                            accessKeyIdHint: string | null;
                            createdAt: string;
                            datasetCount: number;
                            endpoint: string | null;
                            forcePathStyle: boolean;
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            localRoot: string | null;
                            name: string;
                            region: string;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        })[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    accessKeyId?: string;
                    endpoint?: string | null;
                    /** @default false */
                    forcePathStyle?: boolean;
                    /** @enum {string} */
                    kind: "local" | "s3";
                    localRoot?: string | null;
                    name: string;
                    /** @default us-east-1 */
                    region?: string;
                    secretAccessKey?: string;
                    testBucket?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessKeyIdHint: string | null;
                        createdAt: string;
                        datasetCount: number;
                        endpoint: string | null;
                        forcePathStyle: boolean;
                        hasCredentials: boolean;
                        id: string;
                        /** @enum {string} */
                        kind: "local" | "s3";
                        localRoot: string | null;
                        name: string;
                        region: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDataStoresByStoreId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchDataStoresByStoreId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    accessKeyId?: string;
                    clearCredentials?: boolean;
                    endpoint?: string | null;
                    forcePathStyle?: boolean;
                    localRoot?: string | null;
                    name?: string;
                    region?: string;
                    secretAccessKey?: string;
                    testBucket?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessKeyIdHint: string | null;
                        createdAt: string;
                        datasetCount: number;
                        endpoint: string | null;
                        forcePathStyle: boolean;
                        hasCredentials: boolean;
                        id: string;
                        /** @enum {string} */
                        kind: "local" | "s3";
                        localRoot: string | null;
                        name: string;
                        region: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataStoresByStoreIdShares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shares: {
                            bucket: string;
                            createdAt: string;
                            grantedBy: {
                                email: string;
                                name: string | null;
                            } | null;
                            id: string;
                            prefix: string;
                            project: {
                                name: string;
                                slug: string;
                            };
                            store: {
                                id: string;
                                name: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataStoresByStoreIdShares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bucket: string;
                    /**
                     * @description A folder in the bucket; empty = the whole bucket
                     * @default
                     */
                    prefix?: string;
                    /** @description The project's slug */
                    project: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        createdAt: string;
                        grantedBy: {
                            email: string;
                            name: string | null;
                        } | null;
                        id: string;
                        prefix: string;
                        project: {
                            name: string;
                            slug: string;
                        };
                        store: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDataStoresByStoreIdSharesByShareId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shareId: string;
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataStoresByStoreIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    testBucket?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        ok: boolean;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobs: {
        parameters: {
            query?: {
                /** @description The last job id of the previous page */
                before?: string;
                limit?: number;
                mine?: "true" | "false";
                /** @description Only this project's jobs (slug) */
                project?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobs: {
                            attemptCount: number;
                            command: string;
                            cost: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            endedAt: string | null;
                            estimatedStartAt: string | null;
                            exitCode: number | null;
                            gpus: number;
                            gpuType: string | null;
                            heldReason: string | null;
                            id: string;
                            name: string;
                            nodes: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high";
                            projectName: string;
                            projectSlug: string;
                            queuePosition: number | null;
                            seeded: boolean;
                            startedAt: string | null;
                            /** @enum {string} */
                            state: "queued" | "starting" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";
                            stateReason: string;
                            submittedAt: string;
                            submittedBy: {
                                email: string;
                                id: string;
                                name: string | null;
                            };
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default  */
                    command?: string;
                    datasets?: {
                        /**
                         * @default copy
                         * @enum {string}
                         */
                        mode?: "copy" | "stream";
                        name: string;
                        version?: number | null;
                    }[];
                    /** @default {} */
                    env?: {
                        [key: string]: string | null;
                    };
                    /** @default 0 */
                    gpus?: number;
                    gpuType?: string | null;
                    /** @default 30 */
                    graceSeconds?: number;
                    /** @default 86400 */
                    maxRuntimeSeconds?: number;
                    name?: string;
                    /** @default 1 */
                    nodes?: number;
                    notebook?: string;
                    /** @default [] */
                    pools?: string[];
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "low" | "normal" | "high";
                    projectSlug: string;
                    /** @default 0 */
                    retries?: number;
                    secretEnv?: {
                        [key: string]: string | null;
                    };
                    snapshotId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Why a budget holds it until an owner or director approves it; null when it is queued to run */
                        heldReason: string | null;
                        id: string;
                        url: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        attempts: {
                            assignedAt: string;
                            endedAt: string | null;
                            exitCode: number | null;
                            nodes: {
                                agent: string;
                                gpuIndices: number[];
                                nodeRank: number;
                                simulated: boolean;
                            }[];
                            number: number;
                            reason: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            state: "assigned" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out" | "lost" | "refused";
                        }[];
                        cancelRequestedAt: string | null;
                        command: string;
                        cost: {
                            /**
                             * @description A decimal string in the currency's minor unit
                             * @example 4.20
                             */
                            amount: string;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                        };
                        datasets: {
                            envName: string;
                            /** @enum {string} */
                            mode: "copy" | "stream";
                            name: string;
                            objectCount: number | null;
                            requestedVersion: number | null;
                            totalBytes: number | null;
                            version: number | null;
                        }[];
                        endedAt: string | null;
                        env: {
                            [key: string]: string | null;
                        };
                        envMasked: boolean;
                        estimatedStartAt: string | null;
                        exitCode: number | null;
                        gpus: number;
                        gpuType: string | null;
                        graceSeconds: number;
                        heldReason: string | null;
                        id: string;
                        logLineCount: number;
                        maxRetries: number;
                        maxRuntimeSeconds: number;
                        name: string;
                        nodes: number;
                        pools: string[];
                        /** @enum {string} */
                        priority: "low" | "normal" | "high";
                        projectName: string;
                        projectSlug: string;
                        queuePosition: number | null;
                        rerunOfId: string | null;
                        secretEnvNames: string[];
                        seeded: boolean;
                        snapshotId: string;
                        startedAt: string | null;
                        /** @enum {string} */
                        state: "queued" | "starting" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";
                        stateReason: string;
                        submittedAt: string;
                        submittedBy: {
                            email: string;
                            id: string;
                            name: string | null;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJobsByJobIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approvedAt: string | null;
                        heldReason: string | null;
                        id: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobIdArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifacts: {
                            attemptNumber: number;
                            path: string;
                            sha256: string;
                            sizeBytes: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobIdArtifactsDownload: {
        parameters: {
            query: {
                path: string;
            };
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJobsByJobIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "queued" | "starting" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobIdLogs: {
        parameters: {
            query?: {
                from?: number;
                limit?: number;
                waitMs?: number;
            };
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lines: {
                            attempt: number;
                            n: number;
                            node: number;
                            text: string;
                        }[];
                        next: number;
                        /** @enum {string} */
                        state: "queued" | "starting" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";
                        total: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobIdLogsDownload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsByJobIdMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job's id */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        points: {
                            at: string;
                            attemptNumber: number;
                            id: string;
                            key: string;
                            step: number | null;
                            value: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKernels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kernels: {
                            displayName: string;
                            kernelId: string;
                            kernelName: string;
                            language: string;
                            lastActivityAt: string;
                            lastEventId: string;
                            notebookPath: string;
                            projectSlug: string;
                            startedAt: string;
                            /** @enum {string} */
                            state: "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default python3 */
                    kernelName?: string;
                    notebookPath: string;
                    projectSlug: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        kernelId: string;
                        kernelName: string;
                        language: string;
                        lastActivityAt: string;
                        lastEventId: string;
                        notebookPath: string;
                        projectSlug: string;
                        startedAt: string;
                        /** @enum {string} */
                        state: "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernelsByKernelIdExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kernel's id */
                kernelId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    cellId: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        msgId: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernelsByKernelIdInput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kernel's id */
                kernelId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernelsByKernelIdInterrupt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kernel's id */
                kernelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernelsByKernelIdRestart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kernel's id */
                kernelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKernelsByKernelIdShutdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kernel's id */
                kernelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKernelsSpecs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        specs: {
                            displayName: string;
                            language: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        authenticatedBy: "token" | "session";
                        email: string;
                        external: boolean;
                        id: string;
                        /** @enum {string} */
                        labRole: "admin" | "director" | "researcher";
                        name: string | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotices: {
        parameters: {
            query?: {
                /** @description How many, newest first (20 by default) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        notices: {
                            createdAt: string;
                            /**
                             * @description The page it is about
                             * @example /projects/demo/settings
                             */
                            href: string | null;
                            id: string;
                            /**
                             * @description What it is about
                             * @example budget.threshold
                             */
                            kind: string;
                            readAt: string | null;
                            /** @example Project demo has spent $412.00 (82 %) of its $500.00 December budget */
                            text: string;
                        }[];
                        unread: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNoticesRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The notices to mark read; all of yours when omitted */
                    ids?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        people: {
                            activeSessions: number;
                            adminByConfig: boolean;
                            createdAt: string;
                            email: string;
                            external: boolean;
                            id: string;
                            invitedAt: string | null;
                            /** @enum {string} */
                            labRole: "admin" | "director" | "researcher";
                            lastSignInAt: string | null;
                            name: string | null;
                            projects: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email: string;
                    /**
                     * @default researcher
                     * @enum {string}
                     */
                    labRole?: "admin" | "director" | "researcher";
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activeSessions: number;
                        adminByConfig: boolean;
                        createdAt: string;
                        email: string;
                        external: boolean;
                        id: string;
                        invitedAt: string | null;
                        /** @enum {string} */
                        labRole: "admin" | "director" | "researcher";
                        lastSignInAt: string | null;
                        name: string | null;
                        projects: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPeopleByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    labRole: "admin" | "director" | "researcher";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activeSessions: number;
                        adminByConfig: boolean;
                        createdAt: string;
                        email: string;
                        external: boolean;
                        id: string;
                        invitedAt: string | null;
                        /** @enum {string} */
                        labRole: "admin" | "director" | "researcher";
                        lastSignInAt: string | null;
                        name: string | null;
                        projects: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPeopleByUserIdPromote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activeSessions: number;
                        adminByConfig: boolean;
                        createdAt: string;
                        email: string;
                        external: boolean;
                        id: string;
                        invitedAt: string | null;
                        /** @enum {string} */
                        labRole: "admin" | "director" | "researcher";
                        lastSignInAt: string | null;
                        name: string | null;
                        projects: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePeopleByUserIdSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ended: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pools: {
                            agents: number;
                            description: string;
                            jobNetwork: boolean;
                            kind: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPoolsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    jobNetwork: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pool: {
                            agents: number;
                            description: string;
                            jobNetwork: boolean;
                            kind: string;
                            name: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjects: {
        parameters: {
            query?: {
                /** @description Include archived projects */
                includeArchived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projects: {
                            archived: boolean;
                            createdAt: string;
                            description: string;
                            id: string;
                            memberCount: number;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "editor" | "viewer";
                            slug: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    name: string;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        createdAt: string;
                        description: string;
                        id: string;
                        memberCount: number;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        slug: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        createdAt: string;
                        description: string;
                        id: string;
                        memberCount: number;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        slug: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProjectsByProjectSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        createdAt: string;
                        description: string;
                        id: string;
                        memberCount: number;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        slug: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        createdAt: string;
                        description: string;
                        id: string;
                        memberCount: number;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        slug: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            left: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            percent: number;
                            /** @enum {string} */
                            period: "month" | "until";
                            periodEnd: string;
                            periodStart: string;
                            /** @enum {string} */
                            policy: "warn" | "hold" | "stop";
                            project: string | null;
                            /** @enum {string} */
                            scope: "lab" | "project";
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            thresholds: number[];
                        } | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putProjectsByProjectSlugBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The budget, in the lab's currency
                     * @example 400
                     */
                    amount: string;
                    /**
                     * @description At 100 %: warn only, hold new jobs, or also stop running ones
                     * @enum {string}
                     */
                    policy?: "warn" | "hold" | "stop";
                    /** @description First day (YYYY-MM-DD) of a fixed-span budget; today by default */
                    startsAt?: string | null;
                    /**
                     * @description Percentages at which owners and directors are told, once per period
                     * @example [
                     *       50,
                     *       80,
                     *       100
                     *     ]
                     */
                    thresholds?: number[];
                    /**
                     * @description Last day (YYYY-MM-DD) of a fixed-span budget; omit for a monthly budget
                     * @example 2027-06-30
                     */
                    until?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            amount: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            left: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            percent: number;
                            /** @enum {string} */
                            period: "month" | "until";
                            periodEnd: string;
                            periodStart: string;
                            /** @enum {string} */
                            policy: "warn" | "hold" | "stop";
                            project: string | null;
                            /** @enum {string} */
                            scope: "lab" | "project";
                            spent: {
                                /**
                                 * @description A decimal string in the currency's minor unit
                                 * @example 4.20
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217
                                 * @example USD
                                 */
                                currency: string;
                            };
                            thresholds: number[];
                        } | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        datasets: ({
                            bucket: string;
                            createdAt: string;
                            description: string;
                            id: string;
                            latestVersion: number | null;
                            name: string;
                            prefix: string;
                            store: {
                                id: string;
                                /** @enum {string} */
                                kind: "local" | "s3";
                                name: string;
                            };
                        } | {
                            createdAt: string;
                            description: string;
                            id: string;
                            latestVersion: number | null;
                            name: string;
                            store: {
                                id: string;
                                /** @enum {string} */
                                kind: "local" | "s3";
                                name: string;
                            };
                        })[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bucket: string;
                    /** @default  */
                    description?: string;
                    name: string;
                    /** @default  */
                    prefix?: string;
                    storeId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        prefix: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    } | {
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        prefix: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    } | {
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProjectsByProjectSlugDatasetsByDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProjectsByProjectSlugDatasetsByDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        prefix: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    } | {
                        createdAt: string;
                        description: string;
                        id: string;
                        latestVersion: number | null;
                        name: string;
                        store: {
                            id: string;
                            /** @enum {string} */
                            kind: "local" | "s3";
                            name: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    keys?: string[];
                    prefix?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetDownloadUrl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The object's key, relative to the dataset */
                    key: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        url: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetFolderSize: {
        parameters: {
            query?: {
                prefix?: string;
            };
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bytes: number;
                        complete: boolean;
                        objects: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetObject: {
        parameters: {
            query: {
                /** @description The object's key, relative to the dataset */
                key: string;
            };
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contentType: string;
                        etag: string;
                        key: string;
                        modifiedAt: string;
                        size: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetObjects: {
        parameters: {
            query?: {
                limit?: number;
                prefix?: string;
                search?: string;
                token?: string;
            };
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        folders: {
                            name: string;
                            prefix: string;
                        }[];
                        nextToken: string | null;
                        objects: {
                            etag: string;
                            key: string;
                            modifiedAt: string;
                            name: string;
                            size: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetPreview: {
        parameters: {
            query: {
                /** @description The object's key, relative to the dataset */
                key: string;
            };
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: string[];
                        /** @enum {string} */
                        format: "csv" | "tsv" | "parquet";
                        /** @constant */
                        kind: "table";
                        rows: string[][];
                        schema?: {
                            name: string;
                            type: string;
                        }[];
                        totalRows: number | null;
                        truncated: boolean;
                    } | {
                        /** @enum {string} */
                        format: "json" | "jsonl" | "text";
                        /** @constant */
                        kind: "text";
                        text: string;
                        truncated: boolean;
                    } | {
                        contentType: string;
                        /** @constant */
                        kind: "image";
                        url: string;
                    } | {
                        dtype: string;
                        fortranOrder: boolean;
                        /** @constant */
                        kind: "npy";
                        shape: number[];
                    } | {
                        /** @constant */
                        kind: "none";
                        reason: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        snapshots: {
                            createdAt: string;
                            createdBy: {
                                email: string;
                                name: string | null;
                            } | null;
                            id: string;
                            note: string;
                            objectCount: number;
                            totalBytes: number;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        createdBy: {
                            email: string;
                            name: string | null;
                        } | null;
                        id: string;
                        note: string;
                        objectCount: number;
                        totalBytes: number;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugDatasetsByDatasetSnapshotsDiff: {
        parameters: {
            query: {
                from: number;
                limit?: number;
                to: "live" | number;
            };
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        added: {
                            count: number;
                            keys: string[];
                        };
                        changed: {
                            count: number;
                            keys: string[];
                        };
                        removed: {
                            count: number;
                            keys: string[];
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetUploads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default application/octet-stream */
                    contentType?: string;
                    key: string;
                    size: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partCount: number;
                        partSize: number;
                        uploadId: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetUploadsAbort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    key: string;
                    uploadId: string;
                };
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetUploadsComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    key: string;
                    parts: {
                        etag: string;
                        partNumber: number;
                    }[];
                    uploadId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        etag: string;
                        key: string;
                        size: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetUploadsPartUrls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    key: string;
                    partNumbers: number[];
                    uploadId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        urls: {
                            partNumber: number;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugDatasetsByDatasetUploadsParts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The dataset's name */
                dataset: string;
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    key: string;
                    uploadId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        parts: {
                            etag: string;
                            partNumber: number;
                            size: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            isText: boolean;
                            path: string;
                            sizeBytes: number;
                            updatedAt: string;
                            updatedBy: {
                                email: string;
                                name: string | null;
                            } | null;
                            version: number;
                        }[];
                        folders: string[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProjectsByProjectSlugFiles: {
        parameters: {
            query: {
                /** @description A path in the project */
                path: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: number;
                        /** @enum {string} */
                        kind: "file" | "folder";
                        path: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFilesContent: {
        parameters: {
            query?: {
                format?: "zip" | "tar";
                inline?: "1";
                path?: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putProjectsByProjectSlugFilesContent: {
        parameters: {
            query: {
                path: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFilesEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            id: string;
                            path: string;
                            sizeBytes: number;
                            updatedAt: string;
                            updatedBy: {
                                email: string;
                                name: string | null;
                            } | null;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFilesHistory: {
        parameters: {
            query: {
                /** @description A path in the project */
                path: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: {
                            createdAt: string;
                            createdBy: {
                                email: string;
                                name: string | null;
                            } | null;
                            path: string;
                            sha256: string;
                            sizeBytes: number;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugFilesMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    from: string;
                    to: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: number;
                        from: string;
                        /** @enum {string} */
                        kind: "file" | "folder";
                        to: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugFilesRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    baseVersion: number;
                    path: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFilesText: {
        parameters: {
            query: {
                /** @description A path in the project */
                path: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        content: string | null;
                        isText: boolean;
                        path: string;
                        sizeBytes: number;
                        updatedAt: string;
                        updatedBy: {
                            email: string;
                            name: string | null;
                        } | null;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugFilesText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    baseVersion: number | null;
                    content: string;
                    path: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugFilesVersionsByVersion: {
        parameters: {
            query: {
                /** @description A path in the project */
                path: string;
            };
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        content: string | null;
                        createdAt: string;
                        createdBy: {
                            email: string;
                            name: string | null;
                        } | null;
                        isText: boolean;
                        path: string;
                        sha256: string;
                        sizeBytes: number;
                        version: number;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugFolders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    path: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugJobsEstimate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default  */
                    command?: string;
                    datasets?: {
                        /**
                         * @default copy
                         * @enum {string}
                         */
                        mode?: "copy" | "stream";
                        name: string;
                        version?: number | null;
                    }[];
                    /** @default {} */
                    env?: {
                        [key: string]: string | null;
                    };
                    /** @default 0 */
                    gpus?: number;
                    gpuType?: string | null;
                    /** @default 30 */
                    graceSeconds?: number;
                    /** @default 86400 */
                    maxRuntimeSeconds?: number;
                    name?: string;
                    /** @default 1 */
                    nodes?: number;
                    notebook?: string;
                    /** @default [] */
                    pools?: string[];
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "low" | "normal" | "high";
                    projectSlug?: string;
                    /** @default 0 */
                    retries?: number;
                    secretEnv?: {
                        [key: string]: string | null;
                    };
                    snapshotId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description From the median run time of your last (up to 10) succeeded runs of this command in the project; null when there are none */
                        expected: {
                            /**
                             * @description A decimal string in the currency's minor unit
                             * @example 4.20
                             */
                            amount: string;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                        } | null;
                        /** @description The GPU type the worst case is priced at; null for CPU slots */
                        gpuType: string | null;
                        /** @description Why a budget would hold it at submit; null when it would run */
                        heldReason: string | null;
                        maxRuntimeSeconds: number;
                        pool: string | null;
                        runs: number;
                        /** @example at most $4.20 on lab A100 (4 h max); expected ~$1.10 from your last 6 runs of this command */
                        sentence: string;
                        /**
                         * @description The start in words
                         * @example starts in ~40m 00s
                         */
                        start: string;
                        /** @description When it would start if submitted now (a dry pass of the scheduler over the queue as it is); null when no estimate can be made */
                        startsAt: string | null;
                        /** @description The most it can cost: nodes x GPUs x the highest rate among the pools it may use x its max runtime; null when none of them has a rate */
                        worstCase: {
                            /**
                             * @description A decimal string in the currency's minor unit
                             * @example 4.20
                             */
                            amount: string;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                        } | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectsByProjectSlugMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            email: string;
                            external: boolean;
                            joinedAt: string;
                            name: string | null;
                            /** @enum {string} */
                            role: "owner" | "editor" | "viewer";
                            userId: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * @default viewer
                     * @enum {string}
                     */
                    role?: "owner" | "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        external: boolean;
                        joinedAt: string;
                        name: string | null;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        userId: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProjectsByProjectSlugMembersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
                /** @description The member's user id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProjectsByProjectSlugMembersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
                /** @description The member's user id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "owner" | "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        external: boolean;
                        joinedAt: string;
                        name: string | null;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        userId: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    files: {
                        /** @default 420 */
                        mode?: number;
                        path: string;
                        sha256: string;
                        size: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        snapshotId: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProjectsByProjectSlugUnarchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug */
                projectSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        createdAt: string;
                        description: string;
                        id: string;
                        memberCount: number;
                        name: string;
                        /** @enum {string} */
                        role: "owner" | "editor" | "viewer";
                        slug: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queue: {
                            agents: string[];
                            estimatedStartAt: string | null;
                            gpus: number;
                            gpuType: string | null;
                            id: string | null;
                            name: string | null;
                            nodes: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high";
                            project: string;
                            queuePosition: number | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            state: "queued" | "starting" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";
                            stateReason: string | null;
                            submittedAt: string;
                            user: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the caller may set rates (directors, admins) */
                        canSet: boolean;
                        currency: string;
                        /** @description The rate in force now for each pool and GPU type (and CPU slot) */
                        current: {
                            /** @description For owned hardware: the calculator's inputs, per GPU; hourly = purchasePrice / (years x hoursPerYear x utilisation / 100) */
                            amortisation: {
                                hoursPerYear: string;
                                purchasePrice: string;
                                utilisation: string;
                                years: string;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                            effectiveFrom: string;
                            /** @description The GPU model; null for the pool's CPU slot */
                            gpuType: string | null;
                            /**
                             * @description Per GPU (or CPU slot) and hour, exact to 4 decimals, in `currency`
                             * @example 0.9132
                             */
                            hourly: string;
                            id: string;
                            /**
                             * @description owned: the lab's own hardware (amortised); on_demand and spot: cloud prices
                             * @enum {string}
                             */
                            kind: "owned" | "on_demand" | "spot";
                            pool: string;
                            source: string;
                        }[];
                        /** @description Every rate ever set (append-only), newest first within each pool and GPU type */
                        history: {
                            /** @description For owned hardware: the calculator's inputs, per GPU; hourly = purchasePrice / (years x hoursPerYear x utilisation / 100) */
                            amortisation: {
                                hoursPerYear: string;
                                purchasePrice: string;
                                utilisation: string;
                                years: string;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                            effectiveFrom: string;
                            /** @description The GPU model; null for the pool's CPU slot */
                            gpuType: string | null;
                            /**
                             * @description Per GPU (or CPU slot) and hour, exact to 4 decimals, in `currency`
                             * @example 0.9132
                             */
                            hourly: string;
                            id: string;
                            /**
                             * @description owned: the lab's own hardware (amortised); on_demand and spot: cloud prices
                             * @enum {string}
                             */
                            kind: "owned" | "on_demand" | "spot";
                            pool: string;
                            source: string;
                        }[];
                        pools: {
                            cpuSlots: boolean;
                            gpuTypes: string[];
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    amortisation?: {
                        /**
                         * @description Hours a year it is counted over; 8760 by default
                         * @example 8760
                         */
                        hoursPerYear?: string;
                        /**
                         * @description Purchase price of ONE GPU (a server's price divided by its GPUs)
                         * @example 32000
                         */
                        purchasePrice: string;
                        /**
                         * @description Percent of those hours in use; 100 by default
                         * @example 100
                         */
                        utilisation?: string;
                        /**
                         * @description Years of life
                         * @example 4
                         */
                        years: string;
                    } | null;
                    /**
                     * @description YYYY-MM-DD or an ISO time; now by default. Never before a minute already charged.
                     * @example 2026-12-05
                     */
                    effectiveFrom?: string | null;
                    /**
                     * @description The GPU model as agents report it; null for the pool's CPU slot
                     * @example demo-gpu
                     */
                    gpuType: string | null;
                    /**
                     * @description Price per GPU (or CPU slot) and hour; or give amortisation
                     * @example 1.20
                     */
                    hourly?: string | null;
                    /**
                     * @description owned: the lab's own hardware (amortised); on_demand and spot: cloud prices
                     * @enum {string}
                     */
                    kind?: "owned" | "on_demand" | "spot";
                    /**
                     * @description The pool's name
                     * @example lab
                     */
                    pool: string;
                    /**
                     * @description Where the price comes from, in words
                     * @example Invoice 2026-118, 8x H100 server / 8
                     */
                    source?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rate: {
                            /** @description For owned hardware: the calculator's inputs, per GPU; hourly = purchasePrice / (years x hoursPerYear x utilisation / 100) */
                            amortisation: {
                                hoursPerYear: string;
                                purchasePrice: string;
                                utilisation: string;
                                years: string;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            /**
                             * @description ISO 4217
                             * @example USD
                             */
                            currency: string;
                            effectiveFrom: string;
                            /** @description The GPU model; null for the pool's CPU slot */
                            gpuType: string | null;
                            /**
                             * @description Per GPU (or CPU slot) and hour, exact to 4 decimals, in `currency`
                             * @example 0.9132
                             */
                            hourly: string;
                            id: string;
                            /**
                             * @description owned: the lab's own hardware (amortised); on_demand and spot: cloud prices
                             * @enum {string}
                             */
                            kind: "owned" | "on_demand" | "spot";
                            pool: string;
                            source: string;
                        };
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettingsCosts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the caller may change it (directors, admins) */
                        canSet: boolean;
                        /**
                         * @description The lab's one currency, ISO 4217
                         * @example USD
                         */
                        currency: string;
                        /** @description Whether it may still change: only while the ledger holds no real (non-seeded) charges */
                        currencyEditable: boolean;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSettingsCosts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description ISO 4217 code
                     * @example EUR
                     */
                    currency: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the caller may change it (directors, admins) */
                        canSet: boolean;
                        /**
                         * @description The lab's one currency, ISO 4217
                         * @example USD
                         */
                        currency: string;
                        /** @description Whether it may still change: only while the ledger holds no real (non-seeded) charges */
                        currencyEditable: boolean;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRootStorageLocalByStoreByBucketByKey: {
        parameters: {
            query: {
                expires: string;
                signature: string;
            };
            header?: never;
            path: {
                bucket: string;
                /** @description The object's key; may hold slashes */
                key: string;
                store: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putRootStorageLocalByStoreByBucketByKey: {
        parameters: {
            query: {
                expires: string;
                signature: string;
            };
            header?: never;
            path: {
                bucket: string;
                /** @description The object's key; may hold slashes */
                key: string;
                store: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Done; no content */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default null */
                    expiresInDays?: number | null;
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiToken: {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                        };
                        token: string;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensByTokenId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        expiresAt: string | null;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        prefix: string;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description Bad input: the message names the problem, `fields` each field's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
