from django.urls import path

from equityhub.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.hub, name="hub"),
    path("campaigns/", views.campaign_list, name="list"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="detail"),
    path("faqs/", views.faq_list, name="faqs"),
    path("publications/", views.publication_list, name="publications"),
    path("publications/<slug:slug>/", views.publication_detail, name="publication"),
    path("search/", views.site_search, name="search"),
]
